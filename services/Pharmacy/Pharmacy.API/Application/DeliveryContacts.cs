using System.Text.Json;
using Pharmacy.API.Domain;
using Platform.Security.Encryption;

namespace Pharmacy.API.Application;

/// <summary>Seals a delivery contact for storage and opens it again. The row's table and id are bound into the
/// ciphertext, so a sealed contact copied into another row does not open.</summary>
public sealed class DeliveryContacts(IFieldEncryptor encryptor)
{
    public string Seal(DeliveryAddress address, DeliveryContact contact) => Seal(contact, AddressContext(address.Id));

    public string Seal(DeliveryOrder order, DeliveryContact contact) => Seal(contact, OrderContext(order.Id));

    public DeliveryContact Open(DeliveryAddress address) => Open(address.ContactCipher, AddressContext(address.Id));

    public DeliveryContact Open(DeliveryOrder order) => Open(order.ContactCipher, OrderContext(order.Id));

    internal string Seal(DeliveryContact contact, string context) => encryptor.Encrypt(JsonSerializer.Serialize(contact), context);

    private DeliveryContact Open(string cipher, string context) =>
        JsonSerializer.Deserialize<DeliveryContact>(encryptor.Decrypt(cipher, context))
        ?? throw new InvalidOperationException("sealed delivery contact is empty");

    internal static string AddressContext(Guid id) => $"delivery_addresses:{id}";

    internal static string OrderContext(Guid id) => $"delivery_orders:{id}";
}
