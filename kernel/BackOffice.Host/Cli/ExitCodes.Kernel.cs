namespace BackOffice.Host.Cli;

public static partial class ExitCodes
{
    private static int? ForKernel(Exception ex) => ex switch
    {
        _ => null,
    };
}
