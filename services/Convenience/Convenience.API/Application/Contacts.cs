using System.Text.RegularExpressions;
using Convenience.API.Domain;
using Platform.Security.Encryption;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

public sealed record ContactInput(string? Name, string? Phone, string? District, string? Address);

/// <summary>What a response shows of a contact: 张* 138****0001 洪山区珞喻路***.</summary>
public sealed record ContactDto(string Name, string Phone, string District, string Address);

/// <summary>Mailing and home-visit contacts: validated, encrypted at rest (the row id bound as context, so a value copied
/// elsewhere fails to decrypt), and masked in every response.</summary>
public sealed partial class Contacts(IFieldEncryptor encryptor)
{
    public EncryptedContact Seal(Guid ownerId, ContactInput? input, IDictionary<string, string[]> errors)
    {
        string Need(string? value, string field, string label, int max)
        {
            var v = value?.Trim() ?? "";
            if (v.Length == 0) errors[field] = [$"请填写{label}"];
            else if (v.Length > max) errors[field] = [$"{label}不能超过{max}个字"];
            return v;
        }
        var name = Need(input?.Name, "contact.name", "联系人", 30);
        var phone = Need(input?.Phone, "contact.phone", "手机号", 11);
        var district = Need(input?.District, "contact.district", "区县", 20);
        var address = Need(input?.Address, "contact.address", "详细地址", 100);
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone)) errors["contact.phone"] = ["手机号格式不正确"];
        return new EncryptedContact
        {
            NameCipher = encryptor.Encrypt(name, Context(ownerId, "name")), PhoneCipher = encryptor.Encrypt(phone, Context(ownerId, "phone")),
            AddressCipher = encryptor.Encrypt(address, Context(ownerId, "address")), District = district,
        };
    }

    public ContactDto? Masked(Guid ownerId, EncryptedContact? c) => c is null ? null : new ContactDto(
        Mask.Name(encryptor.Decrypt(c.NameCipher, Context(ownerId, "name"))), Mask.Phone(encryptor.Decrypt(c.PhoneCipher, Context(ownerId, "phone"))),
        c.District, MaskAddress(encryptor.Decrypt(c.AddressCipher, Context(ownerId, "address"))));

    /// <summary>The whole contact, for the provider who posts the parcel or the nurse who visits (staff only, audited).</summary>
    public (string Name, string Phone, string Address) Open(Guid ownerId, EncryptedContact c) => (
        encryptor.Decrypt(c.NameCipher, Context(ownerId, "name")), encryptor.Decrypt(c.PhoneCipher, Context(ownerId, "phone")),
        encryptor.Decrypt(c.AddressCipher, Context(ownerId, "address")));

    public string SealPhone(Guid ownerId, string phone) => encryptor.Encrypt(phone, Context(ownerId, "nurse-phone"));

    public string OpenPhone(Guid ownerId, string cipher) => encryptor.Decrypt(cipher, Context(ownerId, "nurse-phone"));

    public static bool IsPhone(string? phone) => phone is not null && PhonePattern().IsMatch(phone);

    /// <summary>The street stays readable, the house number goes: enough to recognise one's own address.</summary>
    public static string MaskAddress(string address) => address.Length <= 6 ? new string('*', address.Length) : address[..6] + "***";

    private static string Context(Guid ownerId, string field) => $"convenience:{ownerId}:{field}";

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex PhonePattern();
}
