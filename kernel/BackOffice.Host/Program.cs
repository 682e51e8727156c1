using BackOffice.Host.Cli;

return await BackOfficeCli.Build().Parse(args).InvokeAsync();
