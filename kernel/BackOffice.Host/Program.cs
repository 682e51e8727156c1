using BackOffice.Host.Cli;

return await BackOfficeCli.InvokeAsync(BackOfficeCli.Build().Parse(args));
