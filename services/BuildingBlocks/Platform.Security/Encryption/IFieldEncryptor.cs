namespace Platform.Security.Encryption;

/// <summary>Encrypts personal identifiers for storage. The ciphertext names the key version it was written with.</summary>
public interface IFieldEncryptor
{
    string Encrypt(string plaintext, string? context = null);
    string Decrypt(string ciphertext, string? context = null);

    /// <summary>True when the value was written with an older key and should be re-encrypted.</summary>
    bool NeedsRotation(string ciphertext);
}
