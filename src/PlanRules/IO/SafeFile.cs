using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace PlanRules.IO;

/// <summary>Why <see cref="SafeFile.ReadText"/> gave no text.</summary>
internal enum SafeReadError
{
    /// <summary>The text was read.</summary>
    None,

    /// <summary>Nothing at the path.</summary>
    NotFound,

    /// <summary>A folder, FIFO, device or socket: never opened.</summary>
    NotRegularFile,

    /// <summary>Larger than the limit (by its size, or by the bytes read so far).</summary>
    TooLarge,

    /// <summary>No permission, a symbolic link loop, or an I/O error.</summary>
    Unreadable,

    /// <summary>The bytes are not valid UTF-8 (or the encoding their byte order mark names).</summary>
    InvalidUtf8,
}

/// <summary>
/// The outcome of <see cref="SafeFile.ReadText"/>: the text, or why there is none in a short message that never quotes
/// the file's content (it may hold an OS message, which names paths only).
/// </summary>
/// <param name="Text">The text, or <c>null</c>.</param>
/// <param name="Error">Why there is no text.</param>
/// <param name="Message">The reason in words, e.g. <c>not a regular file (a folder, FIFO, device or socket)</c>; empty on success.</param>
internal readonly record struct SafeReadResult(string? Text, SafeReadError Error, string Message)
{
    /// <summary><c>true</c> when the text was read.</summary>
    public bool Succeeded => Text is not null;

    internal static SafeReadResult Fail(SafeReadError error, string message) => new(null, error, message);
}

/// <summary>
/// Reads untrusted text files within bounds: only a regular file (a FIFO is never opened, so it cannot block), only up
/// to a size limit (checked before opening and again while reading, for a file that grows or reports size 0), decoded as
/// strict UTF-8. Never throws for what it finds on disk. Thread-safe.
/// </summary>
internal static class SafeFile
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Reads the text of the file at <paramref name="path"/>, reading at most <paramref name="maxBytes"/> + 1 bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes the file may have.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static SafeReadResult ReadText(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return SafeReadResult.Fail(SafeReadError.NotFound, "not a valid path");
        }
        var probe = FileProbe.Of(full);
        switch (probe.Kind)
        {
            case FileKind.Missing: return SafeReadResult.Fail(SafeReadError.NotFound, "the file does not exist");
            case FileKind.Directory: return SafeReadResult.Fail(SafeReadError.NotRegularFile, "not a regular file (a folder)");
            case FileKind.Other: return SafeReadResult.Fail(SafeReadError.NotRegularFile, "not a regular file (a FIFO, device or socket)");
            case FileKind.Unreadable: return SafeReadResult.Fail(SafeReadError.Unreadable, "the file cannot be read: " + probe.Problem);
        }
        if (probe.Size > maxBytes) return TooLarge(maxBytes);
        byte[] bytes;
        int length;
        try
        {
            // Open without blocking where possible and check the opened file again: a FIFO swapped in since the check
            // above cannot block, and nothing but a regular file is read.
            SafeFileHandle? handle;
            if (FileProbe.TryOpenRegular(full, out var opened, out var again))
            {
                if (opened is null)
                {
                    return again.Kind switch
                    {
                        FileKind.Missing => SafeReadResult.Fail(SafeReadError.NotFound, "the file does not exist"),
                        FileKind.Unreadable => SafeReadResult.Fail(SafeReadError.Unreadable, "the file cannot be read: " + again.Problem),
                        _ => SafeReadResult.Fail(SafeReadError.NotRegularFile, "not a regular file (a FIFO, device, socket or folder)"),
                    };
                }
                handle = opened;
            }
            else
            {
                handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            }
            using var owned = handle;
            using var stream = new FileStream(owned, FileAccess.Read, 0);
            var capacity = (int)Math.Min(maxBytes + 1, Math.Max(probe.Size + 1, ChunkBytes));
            bytes = new byte[capacity];
            length = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (length == bytes.Length)
                {
                    if (length > maxBytes) return TooLarge(maxBytes);
                    Array.Resize(ref bytes, (int)Math.Min(maxBytes + 1, (long)bytes.Length * 2));
                }
                var read = stream.Read(bytes, length, bytes.Length - length);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) return TooLarge(maxBytes);
            }
        }
        catch (FileNotFoundException)
        {
            return SafeReadResult.Fail(SafeReadError.NotFound, "the file does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            return SafeReadResult.Fail(SafeReadError.NotFound, "the file does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return SafeReadResult.Fail(SafeReadError.Unreadable, "the file cannot be read: " + ex.Message);
        }
        return Decode(bytes, length);
    }

    private static SafeReadResult TooLarge(long maxBytes) => SafeReadResult.Fail(SafeReadError.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"the file is too large (more than {maxBytes:N0} bytes)"));

    private static SafeReadResult Decode(byte[] bytes, int length)
    {
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes, 0, length, writable: false),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return new SafeReadResult(reader.ReadToEnd(), SafeReadError.None, "");
        }
        catch (DecoderFallbackException)
        {
            return SafeReadResult.Fail(SafeReadError.InvalidUtf8, "the file is not valid UTF-8 text");
        }
    }
}
