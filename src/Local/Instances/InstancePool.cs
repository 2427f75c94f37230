namespace LambdaRoutes.Local.Instances;

/// <summary>
/// The instances of one function and Lambda's reuse rule, whatever runs them (<see cref="FunctionPool"/> starts a
/// <c>bootstrap</c> process or an in-process runtime per instance, as its <see cref="IRuntimeLauncher"/> says). An
/// invocation takes an idle instance (a warm start, most recently used first) or, when every instance is busy, gets a
/// new one (a cold start); instances are numbered from 1 per function and a failed init still uses its number up, as a
/// Lambda environment whose init failed is gone. An instance that died or timed out is removed, never given back.
/// Bookkeeping only: starting, running and stopping an instance is its owner's job.
/// </summary>
internal sealed class InstancePool<TInstance>(Func<TInstance, bool>? isDead = null)
    where TInstance : class
{
    private readonly object _gate = new();
    private readonly List<TInstance> _all = [];
    private readonly Stack<TInstance> _idle = new();
    private int _lastNumber;
    private bool _closed;

    /// <summary>
    /// Lambda's rule for one invocation: an idle instance (warm), else a new one numbered, made by
    /// <paramref name="create"/> and counted in (cold). A <paramref name="create"/> that throws has used its number up
    /// and adds nothing: the exception is the caller's init error. <see cref="Rented{TInstance}.Admitted"/> is false when
    /// the pool closed meanwhile (the caller stops the instance).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool was closed.</exception>
    public async Task<Rented<TInstance>> RentAsync(Func<int, Task<TInstance>> create)
    {
        if (TakeIdle() is { } warm)
        {
            return new Rented<TInstance>(warm, Cold: false, Admitted: true);
        }

        var instance = await create(NextNumber()).ConfigureAwait(false);
        return new Rented<TInstance>(instance, Cold: true, Admitted: Add(instance));
    }

    /// <summary>An idle instance that is still alive, or null when a new one is needed.</summary>
    public TInstance? TakeIdle()
    {
        lock (_gate)
        {
            while (_idle.TryPop(out var instance))
            {
                if (isDead is null || !isDead(instance))
                {
                    return instance;
                }
            }

            return null;
        }
    }

    /// <summary>The number of the instance about to be created.</summary>
    /// <exception cref="ObjectDisposedException">The pool was closed.</exception>
    public int NextNumber()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            return ++_lastNumber;
        }
    }

    /// <summary>Counts a created instance in; false when the pool was closed meanwhile (the caller stops it).</summary>
    public bool Add(TInstance instance)
    {
        lock (_gate)
        {
            _all.Add(instance);
            return !_closed;
        }
    }

    /// <summary>Makes <paramref name="instance"/> idle again after an invocation, unless it was removed or the pool closed.</summary>
    public void GiveBack(TInstance instance)
    {
        lock (_gate)
        {
            if (!_closed && _all.Contains(instance))
            {
                _idle.Push(instance);
            }
        }
    }

    /// <summary>Forgets an instance that died or timed out: no invocation gets it again.</summary>
    public void Remove(TInstance instance)
    {
        lock (_gate)
        {
            _all.Remove(instance);
        }
    }

    /// <summary>The instances alive now, busy or idle.</summary>
    public IReadOnlyList<TInstance> All()
    {
        lock (_gate)
        {
            return [.. _all];
        }
    }

    /// <summary>Forgets every instance (the next invocation is cold) and returns them, for the caller to stop.</summary>
    public IReadOnlyList<TInstance> Clear()
    {
        lock (_gate)
        {
            List<TInstance> all = [.. _all];
            _all.Clear();
            _idle.Clear();
            return all;
        }
    }

    /// <summary>No new instance after this; returns the instances to stop.</summary>
    public IReadOnlyList<TInstance> Close()
    {
        lock (_gate)
        {
            _closed = true;
        }

        return Clear();
    }
}

/// <summary>What <see cref="InstancePool{TInstance}.RentAsync"/> gave: the instance, whether it was created for this invocation, and whether the pool took it in.</summary>
internal readonly record struct Rented<TInstance>(TInstance Instance, bool Cold, bool Admitted);
