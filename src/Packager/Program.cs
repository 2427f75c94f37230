return await LambdaRoutes.Packager.Cli.RunAsync(args, Console.Out, Console.Error);
