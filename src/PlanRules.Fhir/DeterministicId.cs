using System.Security.Cryptography;
using System.Text;

namespace PlanRules.Fhir;

/// <summary>Name-based ids: the same inputs always give the same id (no randomness, no clock). Stateless.</summary>
internal static class DeterministicId
{
    /// <summary>A UUID (RFC 4122 layout, version 5 bits, SHA-256 based) for the given parts.</summary>
    public static Guid For(params string?[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts.Select(p => p ?? ""))));
        var g = bytes.AsSpan(0, 16).ToArray();
        g[6] = (byte)((g[6] & 0x0F) | 0x50);
        g[8] = (byte)((g[8] & 0x3F) | 0x80);
        return new Guid(g, bigEndian: true);
    }

    /// <summary>The id as a <c>urn:uuid:</c> URL, for <c>Bundle.entry.fullUrl</c>.</summary>
    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
