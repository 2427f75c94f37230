using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using LambdaRoutes.Cdk.Wiring;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// The opt-in alarms: errors, throttles and p99 duration per function, 5xx answers on the API. One 5-minute period
/// each; missing data (no traffic) is not an alarm.
/// </summary>
internal static class DeploymentAlarms
{
    private static readonly Duration Period = Duration.Minutes(5);

    public static void ForFunction(RouteFunction route, ApiAlarmOptions options)
    {
        var function = route.Function;
        var label = $"{route.Route.Route} ({route.Route.File})";
        Add(route, "ErrorsAlarm", function.MetricErrors(new MetricOptions { Period = Period, Statistic = "Sum" }),
            options.ErrorThreshold, $"{label}: {options.ErrorThreshold} or more errors in 5 minutes", options);
        Add(route, "ThrottlesAlarm", function.MetricThrottles(new MetricOptions { Period = Period, Statistic = "Sum" }),
            options.ThrottleThreshold, $"{label}: {options.ThrottleThreshold} or more throttled invocations in 5 minutes", options);

        var timeoutMs = function.Timeout?.ToMilliseconds() ?? RouteFunction.DefaultTimeoutSeconds * 1000;
        var durationThreshold = Math.Round(timeoutMs * options.DurationP99ShareOfTimeout);
        Add(route, "DurationP99Alarm", function.MetricDuration(new MetricOptions { Period = Period, Statistic = "p99" }),
            durationThreshold, $"{label}: p99 duration at or above {durationThreshold} ms ({options.DurationP99ShareOfTimeout:P0} of its timeout)", options);
    }

    public static void ForApi(Construct scope, IMetric serverErrors, ApiAlarmOptions options) =>
        Add(scope, "ServerErrorsAlarm", serverErrors, options.ServerErrorThreshold,
            $"The API answered {options.ServerErrorThreshold} or more 5xx responses in 5 minutes", options);

    private static void Add(Construct scope, string id, IMetric metric, double threshold, string description, ApiAlarmOptions options)
    {
        var alarm = new Alarm(scope, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
        foreach (var action in options.Actions)
        {
            alarm.AddAlarmAction(action);
            alarm.AddOkAction(action);
        }
    }
}
