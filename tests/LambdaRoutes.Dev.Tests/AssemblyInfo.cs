// The suite starts real servers, builds and runtime processes on a 2-core machine shared with other builds; running
// classes one at a time keeps the timeout tests (1 s route timeouts) meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
