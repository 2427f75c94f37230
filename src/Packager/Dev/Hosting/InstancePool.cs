using System.Collections.Concurrent;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// A route's idle instances in the default mode, mirroring the emulator's function pool: a request takes an idle
/// instance (warm) or creates one (cold) when all are busy, and gives it back when its invocation ends. An instance that
/// timed out is never given back — its handler may still run, as a killed Lambda environment's would not — so the next
/// request starts a fresh one. Last in, first out: the instance used most recently is reused first.
/// </summary>
internal sealed class InstancePool(Func<RouteInvoker> create)
{
    private readonly ConcurrentStack<RouteInstance> _idle = new();
    private int _created;

    /// <summary>Instances created so far (init failures included), for tests and the log.</summary>
    public int Created => Volatile.Read(ref _created);

    public Rental Rent()
    {
        if (_idle.TryPop(out var warm))
        {
            return new Rental(warm, warm.Number, Cold: false, InitError: null);
        }

        var number = Interlocked.Increment(ref _created);
        try
        {
            return new Rental(new RouteInstance(number, create()), number, Cold: true, InitError: null);
        }
        catch (Exception ex)
        {
            return new Rental(null, number, Cold: true, ex);
        }
    }

    public void Return(RouteInstance instance) => _idle.Push(instance);
}
