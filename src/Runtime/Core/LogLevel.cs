namespace LambdaRoutes;

/// <summary>Log levels, numbered as Amazon.Lambda.Core's <c>LogLevel</c> (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Core/ILambdaLogger.cs: Trace = 0 … Critical = 5).</summary>
public enum LogLevel
{
    /// <summary>Most detailed messages.</summary>
    Trace = 0,
    /// <summary>Debugging detail.</summary>
    Debug = 1,
    /// <summary>General flow.</summary>
    Information = 2,
    /// <summary>Something unexpected that did not stop the request.</summary>
    Warning = 3,
    /// <summary>A failure of the current request.</summary>
    Error = 4,
    /// <summary>A failure that needs immediate attention.</summary>
    Critical = 5,
}
