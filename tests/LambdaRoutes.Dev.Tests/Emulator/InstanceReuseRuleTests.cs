using LambdaRoutes.Local.Instances;

namespace LambdaRoutes.Dev.Tests.Emulator;

/// <summary>
/// The reuse rule both instance kinds share (the emulator's processes and the dev server's in-process routes), on the
/// pool alone: the HTTP-level behaviour is covered by Dev/InstancePoolTests.cs and LambdaEmulatorTests.cs.
/// </summary>
public sealed class InstanceReuseRuleTests
{
    private sealed class Instance(int number)
    {
        public int Number { get; } = number;

        public bool Dead { get; set; }
    }

    private static Instance Create(InstancePool<Instance> pool)
    {
        var instance = new Instance(pool.NextNumber());
        Assert.True(pool.Add(instance));
        return instance;
    }

    [Fact]
    public void The_instance_used_last_is_reused_first_and_new_ones_are_numbered_from_one()
    {
        var pool = new InstancePool<Instance>();
        Assert.Null(pool.TakeIdle());
        var first = Create(pool);
        var second = Create(pool);
        Assert.Equal([1, 2], new[] { first.Number, second.Number });

        pool.GiveBack(first);
        pool.GiveBack(second);

        Assert.Same(second, pool.TakeIdle());
        Assert.Same(first, pool.TakeIdle());
        Assert.Null(pool.TakeIdle());
    }

    [Fact]
    public void A_dead_idle_instance_is_skipped()
    {
        var pool = new InstancePool<Instance>(i => i.Dead);
        var survivor = Create(pool);
        var victim = Create(pool);
        pool.GiveBack(survivor);
        pool.GiveBack(victim);

        victim.Dead = true;

        Assert.Same(survivor, pool.TakeIdle());
        Assert.Null(pool.TakeIdle());
    }

    [Fact]
    public void A_removed_instance_is_never_given_back_and_its_number_is_not_reused()
    {
        var pool = new InstancePool<Instance>();
        var timedOut = Create(pool);

        pool.Remove(timedOut);
        pool.GiveBack(timedOut);

        Assert.Null(pool.TakeIdle());
        Assert.Empty(pool.All());
        Assert.Equal(2, Create(pool).Number);
    }

    [Fact]
    public void Clear_forgets_every_instance_so_the_next_invocation_is_cold()
    {
        var pool = new InstancePool<Instance>();
        var busy = Create(pool);
        var idle = Create(pool);
        pool.GiveBack(idle);

        var stopped = pool.Clear();

        Assert.Equal([busy, idle], stopped);
        Assert.Null(pool.TakeIdle());
        pool.GiveBack(busy);
        Assert.Null(pool.TakeIdle());
    }

    [Fact]
    public void A_closed_pool_starts_nothing_and_refuses_a_late_instance()
    {
        var pool = new InstancePool<Instance>();
        var number = pool.NextNumber();

        Assert.Empty(pool.Close());

        Assert.Throws<ObjectDisposedException>(() => pool.NextNumber());
        var late = new Instance(number);
        Assert.False(pool.Add(late));
        pool.GiveBack(late);
        Assert.Null(pool.TakeIdle());
    }
}
