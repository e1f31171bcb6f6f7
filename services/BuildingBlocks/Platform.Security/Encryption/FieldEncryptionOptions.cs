namespace Platform.Security.Encryption;

/// <summary><c>Security:FieldEncryption</c>: base64 32-byte keys by version, and the version new values are written with.
/// Old versions stay configured until every value written with them has been re-encrypted.</summary>
public sealed class FieldEncryptionOptions
{
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);
    public string ActiveVersion { get; set; } = "";
}
