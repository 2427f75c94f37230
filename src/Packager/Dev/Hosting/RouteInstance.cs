namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// One in-process instance of a route (or app authorizer): the object the app's factory created and the runtime invoker around it. Like a
/// Lambda execution environment it serves one invocation at a time, so state a route keeps in its fields behaves as
/// deployed. <paramref name="Number"/> counts the route's instances from 1, as <c>--aot</c> numbers its processes.
/// </summary>
internal sealed record RouteInstance(int Number, LambdaRoutes.Bootstrap.IInvocationHandler Invoker);

/// <summary>
/// What renting an instance gave: a warm or new instance, or the init error its creation threw (the number is still
/// used up, as a Lambda environment whose init failed is gone).
/// </summary>
internal sealed record Rental(RouteInstance? Instance, int Number, bool Cold, Exception? InitError);
