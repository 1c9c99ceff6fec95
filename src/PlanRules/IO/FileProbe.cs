using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PlanRules.IO;

/// <summary>What a path names, as <see cref="FileProbe"/> sees it without opening it.</summary>
internal enum FileKind
{
    /// <summary>Nothing: the path does not exist (or a component of it is not a folder, or a symbolic link dangles).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO, device, socket or anything else that is neither a regular file nor a folder.</summary>
    Other,

    /// <summary>The path cannot be examined (no permission, a symbolic link loop).</summary>
    Unreadable,
}

/// <summary>
/// The type, size and identity of a path, read with <c>statx(2)</c> on Linux (never opening it, so that a FIFO cannot
/// block) and with <see cref="FileSystemInfo"/> elsewhere. Immutable.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Size">The size in bytes (a regular file), else 0.</param>
/// <param name="Identity">Device and inode (Linux) or the resolved full path: equal for two paths to one folder.</param>
/// <param name="IsLink">The path itself is a symbolic link.</param>
/// <param name="Problem">Why the path cannot be examined (<see cref="FileKind.Unreadable"/>); an OS message, never content.</param>
internal readonly record struct FileProbe(FileKind Kind, long Size, string Identity, bool IsLink, string? Problem = null)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int TypeMask = 0xF000, TypeRegular = 0x8000, TypeDirectory = 0x4000, TypeLink = 0xA000;
    private const int ENOENT = 2, ENOTDIR = 20;
    private static bool _statxMissing;

    /// <summary>Examines <paramref name="path"/>, following symbolic links; never throws for the file system's answer.</summary>
    /// <param name="path">A full path.</param>
    public static FileProbe Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try
            {
                return Statx(path);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                _statxMissing = true; // an old C library: fall back to what .NET tells
            }
        }
        return Managed(path);
    }

    /// <summary>
    /// On Linux, opens <paramref name="path"/> for reading without blocking (<c>O_NONBLOCK</c>: a FIFO swapped in after
    /// <see cref="Of"/> cannot block) and examines the opened file itself; returns the handle only when it is a regular
    /// file. Returns <c>false</c> where this is not available (other systems, an old C library): then open as usual.
    /// </summary>
    /// <param name="path">A full path.</param>
    /// <param name="handle">The open regular file, or <c>null</c> (then <paramref name="probe"/> tells why).</param>
    /// <param name="probe">What was opened, or why nothing was.</param>
    public static bool TryOpenRegular(string path, out SafeFileHandle? handle, out FileProbe probe)
    {
        handle = null;
        probe = default;
        if (!OperatingSystem.IsLinux() || _statxMissing) return false;
        const int ReadOnlyNonBlocking = 0x800 | 0x100 | 0x80000; // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        try
        {
            var fd = NativeMethods.Open(path, ReadOnlyNonBlocking);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                probe = errno is ENOENT or ENOTDIR
                    ? new FileProbe(FileKind.Missing, 0, path, false)
                    : new FileProbe(FileKind.Unreadable, 0, path, false, Marshal.GetPInvokeErrorMessage(errno));
                return true;
            }
            var opened = new SafeFileHandle(fd, ownsHandle: true);
            var buffer = new byte[256];
            if (NativeMethods.StatxFd(fd, "", AtEmptyPath, StatxBasicStats, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                opened.Dispose();
                probe = new FileProbe(FileKind.Unreadable, 0, path, false, Marshal.GetPInvokeErrorMessage(errno));
                return true;
            }
            probe = FromBuffer(buffer, false);
            if (probe.Kind == FileKind.Regular) handle = opened;
            else opened.Dispose();
            return true;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return false;
        }
    }

    private static FileProbe Statx(string path)
    {
        var buffer = new byte[256];
        var isLink = NativeMethods.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) == 0
                     && (BitConverter.ToUInt16(buffer, 28) & TypeMask) == TypeLink;
        if (NativeMethods.Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR
                ? new FileProbe(FileKind.Missing, 0, path, isLink)
                : new FileProbe(FileKind.Unreadable, 0, path, isLink, Marshal.GetPInvokeErrorMessage(errno));
        }
        return FromBuffer(buffer, isLink);
    }

    private static FileProbe FromBuffer(byte[] buffer, bool isLink)
    {
        var type = BitConverter.ToUInt16(buffer, 28) & TypeMask;
        var kind = type switch { TypeRegular => FileKind.Regular, TypeDirectory => FileKind.Directory, _ => FileKind.Other };
        var size = kind == FileKind.Regular ? (long)BitConverter.ToUInt64(buffer, 40) : 0;
        var identity = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{BitConverter.ToUInt32(buffer, 136)}:{BitConverter.ToUInt32(buffer, 140)}:{BitConverter.ToUInt64(buffer, 32)}");
        return new FileProbe(kind, size, identity, isLink);
    }

    private static FileProbe Managed(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var isLink = info.LinkTarget is not null;
            if (System.IO.Directory.Exists(path))
            {
                var target = isLink ? new DirectoryInfo(path).ResolveLinkTarget(true)?.FullName ?? path : path;
                return new FileProbe(FileKind.Directory, 0, Path.GetFullPath(target), isLink);
            }
            if (!File.Exists(path)) return new FileProbe(FileKind.Missing, 0, path, isLink);
            var device = (info.Attributes & FileAttributes.Device) != 0;
            return new FileProbe(device ? FileKind.Other : FileKind.Regular, device ? 0 : info.Length, path, isLink);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileProbe(FileKind.Unreadable, 0, path, false, ex.Message);
        }
    }

    private static class NativeMethods
    {
        // statx(2) has one layout on every Linux architecture: stx_mode at 28, stx_ino at 32, stx_size at 40,
        // stx_dev_major at 136 and stx_dev_minor at 140 of a 256-byte buffer.
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        // The same call on an open file descriptor (with AT_EMPTY_PATH and an empty path).
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int StatxFd(int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        // open(2) with two arguments (no O_CREAT, so no mode): the same flag values on x86-64 and arm64.
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
