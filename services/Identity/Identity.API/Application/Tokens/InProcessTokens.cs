using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.API.Application.Tokens;

/// <summary>Tokens issued through OpenIddict's sign-in pipeline without an HTTP round trip to the token endpoint: the
/// pair registration returns, and the integration token Identity presents to the WeChat gateway. The pipeline is the
/// one <c>/connect/token</c> runs (same keys, claims, lifetimes and token storage); it stops before writing a response.</summary>
public sealed class InProcessTokens(IOpenIddictServerFactory factory, IOpenIddictServerDispatcher dispatcher)
{
    /// <summary>Marks a transaction as in-process; <see cref="StopBeforeResponse"/> ends its pipeline.</summary>
    public const string Marker = "platform:in-process-sign-in";

    public async Task<TokenResponse> IssueAsync(ClaimsPrincipal principal, string grantType, string? clientId, CancellationToken ct)
    {
        var transaction = await factory.CreateTransactionAsync();
        transaction.EndpointType = OpenIddictServerEndpointType.Token;
        transaction.Request = new OpenIddictRequest { GrantType = grantType, ClientId = clientId };
        transaction.Properties[Marker] = true;
        transaction.Properties[typeof(AuthenticationProperties).FullName!] = new AuthenticationProperties();
        var context = new ProcessSignInContext(transaction)
        {
            CancellationToken = ct,
            Principal = principal,
            Response = new OpenIddictResponse(),
        };
        await dispatcher.DispatchAsync(context);
        if (context.IsRejected || string.IsNullOrEmpty(context.Response.AccessToken))
            throw new InvalidOperationException($"In-process sign-in refused: {context.Error} {context.ErrorDescription}");
        return new TokenResponse(context.Response.AccessToken, context.Response.RefreshToken, (int)(context.Response.ExpiresIn ?? 0));
    }

    /// <summary>Ends an in-process sign-in once the response parameters are attached (there is no HTTP response to write).</summary>
    public sealed class StopBeforeResponse : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor
            .CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<StopBeforeResponse>()
            // After the tokens are generated and attached to the response, before the token endpoint's response is applied.
            .SetOrder(Math.Max(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order,
                OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order) + 1_000)
            .Build();

        public ValueTask HandleAsync(ProcessSignInContext context)
        {
            if (context.Transaction.Properties.ContainsKey(Marker)) context.HandleRequest();
            return ValueTask.CompletedTask;
        }
    }
}
