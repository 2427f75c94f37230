// Every synthesis test talks to the one jsii kernel (a Node process) of the test process; serial tests
// keep its start-up cost paid once and its traffic ordered.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The tests write and check Unix execute bits on bootstrap files, as Lambda requires; CI is Linux.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
