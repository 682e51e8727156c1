namespace BackOffice.Domain.Tools;

/// <summary>What a tool plugin does to data: it reads, or it would write (issue 15).</summary>
public enum ToolAccess
{
    Read,
    Write,
}

/// <summary>
/// The declared capability of a tool class (or of one method, which then overrides its class), issue 15: the kernel
/// offers the model only tools declared <see cref="ToolAccess.Read"/> and refuses, at call time, any function that does
/// not carry that declaration. A name says nothing: "DraftBill" reads, a method called "Lookup" could write.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ToolAccessAttribute(ToolAccess access) : Attribute
{
    public ToolAccess Access { get; } = access;
}
