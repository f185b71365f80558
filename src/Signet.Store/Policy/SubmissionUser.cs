using Signet.Store.Model;

namespace Signet.Store.Policy;

/// <summary>A Signet user as the mail path knows them: the name they log in with (SMTP AUTH or the MTA's
/// <c>{auth_authen}</c>), their role and the domains they manage. Server admins manage every domain.</summary>
public sealed record SubmissionUser(string Name, UserRole Role, IReadOnlySet<string> Domains);
