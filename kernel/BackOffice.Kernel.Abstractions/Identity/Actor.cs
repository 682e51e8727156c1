namespace BackOffice.Kernel.Abstractions.Identity;

/// <summary>Roles in rising order of what they may do (issue 2, "Who may do what" in issue 9).</summary>
public enum Role
{
    Viewer,
    Approver,
    Lead,
    Admin,
}

/// <summary>
/// Who is acting: a person from the control database, an agent ("agent:financial") or the auto-approval
/// policy ("policy:auto"). The gate checks every decision against this.
/// </summary>
public sealed record Actor(string Name, Role Role, string? Department, ActorKind Kind = ActorKind.Person)
{
    public static Actor Agent(string agentName) => new($"agent:{agentName}", Role.Viewer, null, ActorKind.Agent);

    public static Actor AutoPolicy { get; } = new("policy:auto", Role.Approver, null, ActorKind.Policy);

    public static Actor System { get; } = new("system", Role.Viewer, null, ActorKind.System);
}

public enum ActorKind
{
    Person,
    Agent,
    Policy,
    System,
}
