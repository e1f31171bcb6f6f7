using Identity.API.Application;
using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Infrastructure.Tokens;

/// <summary>Registers the OAuth clients with OpenIddict on every start: the portals as public clients (password, WeChat,
/// refresh) and the integration clients of <c>Identity:Clients</c> as confidential ones (client_credentials), their
/// secrets hashed by OpenIddict's application manager. An integration client removed from configuration is deleted.</summary>
internal sealed class ClientRegistry(IOpenIddictApplicationManager applications, IOptions<IdentityServiceOptions> options,
    ILogger<ClientRegistry> logger) : ISeeder<IdentityDbContext>
{
    public async Task SeedAsync(IdentityDbContext db, CancellationToken ct)
    {
        foreach (var portal in TokenGrants.Portals)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = portal, ClientType = ClientTypes.Public, DisplayName = portal,
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                    // Only the patient portal may sign in with WeChat; the others hear so from our handler (invalid_client).
                    Permissions.Prefixes.GrantType + WeChatSignIn.GrantType,
                    Permissions.Prefixes.GrantType + SmsSignIn.GrantType,
                    Permissions.Prefixes.GrantType + Application.Handover.HandoverSignIn.GrantType,
                    Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                },
            };
            await UpsertAsync(descriptor, ct);
        }

        var clients = options.Value.Clients;
        foreach (var (clientId, client) in clients)
        {
            if (client.Secret.Length < 16)
                throw new InvalidOperationException($"Identity:Clients:{clientId}:Secret must be at least 16 characters");
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId, ClientSecret = client.Secret, ClientType = ClientTypes.Confidential,
                DisplayName = client.Name.Length > 0 ? client.Name : clientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in client.Scopes)
            {
                if (!InternalScopes.All.Contains(scope))
                    throw new InvalidOperationException($"Identity:Clients:{clientId}:Scopes: unknown scope {scope}");
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }
            await UpsertAsync(descriptor, ct);
        }

        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
            if (await applications.HasClientTypeAsync(application, ClientTypes.Confidential, ct)
                && await applications.GetClientIdAsync(application, ct) is { } id && !clients.ContainsKey(id))
                stale.Add(application);
        foreach (var application in stale)
        {
            logger.LogInformation("Removing integration client {ClientId}: no longer configured",
                await applications.GetClientIdAsync(application, ct));
            await applications.DeleteAsync(application, ct);
        }
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
            await applications.UpdateAsync(existing, descriptor, ct);
        else
            await applications.CreateAsync(descriptor, ct);
    }
}
