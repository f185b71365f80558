using System.Text.Json;
using System.Text.Json.Serialization;
using Signet.Admin.Api.Check;
using Signet.Admin.Api.Domains;
using Signet.Admin.Api.Keys;
using Signet.Admin.Api.Policy;
using Signet.Admin.Api.Rotation;
using Signet.Admin.Api.ServerKey;
using Signet.Admin.Api.Tokens;
using Signet.Admin.Api.Users;
using Signet.Store.Model;

namespace Signet.Admin.Api;

/// <summary>Every body the API reads or writes, with serializers generated at build time: a Native AOT executable
/// cannot serialize by reflection, and reflection is off in every build (<c>JsonSerializerIsReflectionEnabledByDefault</c>),
/// so a type missing here fails the tests rather than a server. The web defaults are ASP.NET's own (camelCase names,
/// case-insensitive reading), so the JSON on the wire is what reflection wrote. Lists are named both as the endpoints
/// declare them and as they are built (<c>List&lt;T&gt;</c>), which is the type written and the type the CLI reads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DomainView))]
[JsonSerializable(typeof(IReadOnlyList<DomainView>))]
[JsonSerializable(typeof(List<DomainView>))]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(IReadOnlyList<KeyView>))]
[JsonSerializable(typeof(List<KeyView>))]
[JsonSerializable(typeof(RotationView))]
[JsonSerializable(typeof(IReadOnlyList<RotationView>))]
[JsonSerializable(typeof(List<RotationView>))]
[JsonSerializable(typeof(PublisherView))]
[JsonSerializable(typeof(IReadOnlyList<PublisherView>))]
[JsonSerializable(typeof(List<PublisherView>))]
[JsonSerializable(typeof(TokenView))]
[JsonSerializable(typeof(IReadOnlyList<TokenView>))]
[JsonSerializable(typeof(List<TokenView>))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(IReadOnlyList<UserView>))]
[JsonSerializable(typeof(List<UserView>))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
[JsonSerializable(typeof(List<AuditEntry>))]
[JsonSerializable(typeof(AutomaticRotationView))]
[JsonSerializable(typeof(DnsStatusView))]
[JsonSerializable(typeof(KeyDnsRecordView))]
[JsonSerializable(typeof(MessageReportView))]
[JsonSerializable(typeof(PolicyExplanationView))]
[JsonSerializable(typeof(ServerSettingsView))]
[JsonSerializable(typeof(TokenCreatedView))]
[JsonSerializable(typeof(AddDomainRequest))]
[JsonSerializable(typeof(UpdateDomainRequest))]
[JsonSerializable(typeof(UpdateServerSettingsRequest))]
[JsonSerializable(typeof(AddUserRequest))]
[JsonSerializable(typeof(SetUserDomainsRequest))]
[JsonSerializable(typeof(SetUserPasswordRequest))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(GenerateKeyRequest))]
[JsonSerializable(typeof(ImportKeyRequest))]
[JsonSerializable(typeof(StartRotationRequest))]
[JsonSerializable(typeof(AddPublisherRequest))]
[JsonSerializable(typeof(RotationSettingsRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
