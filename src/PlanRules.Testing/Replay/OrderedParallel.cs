using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PlanRules.Replay;

/// <summary>
/// Runs a CPU-bound function over a sequence with N workers and yields the results in input order, in bounded memory:
/// at most <c>4 × N</c> items are in flight or waiting to be yielded, whatever the length of the input.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>The number of workers for a requested degree of parallelism (0 or less = every core).</summary>
    public static int Workers(int parallelism) => parallelism > 0 ? parallelism : Environment.ProcessorCount;

    public static async IAsyncEnumerable<TResult> SelectAsync<TSource, TResult>(
        IEnumerable<TSource> source,
        Func<TSource, int, CancellationToken, TResult> selector,
        int parallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        var workers = Workers(parallelism);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;

        // The ordered channel is the window: the producer waits when 4 × N results are pending, so memory stays bounded
        // even when one slow item holds back the results after it.
        var ordered = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(workers * 4) { SingleReader = true, SingleWriter = true });
        // Workers are dedicated threads that block on the queue: they never hold thread-pool threads, so the producer's
        // and the consumer's continuations always find one (no starvation when N equals the number of cores).
        using var work = new BlockingCollection<WorkItem<TSource, TResult>>();

        var producer = Task.Run(async () =>
        {
            try
            {
                var index = 0;
                foreach (var item in source)
                {
                    var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    await ordered.Writer.WriteAsync(done.Task, token).ConfigureAwait(false);
                    work.Add(new WorkItem<TSource, TResult>(item, index++, done), CancellationToken.None);
                }
                ordered.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                ordered.Writer.TryComplete(ex is OperationCanceledException ? null : ex);
            }
            finally
            {
                work.CompleteAdding();
            }
        }, CancellationToken.None);

        var pool = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            pool[w] = Task.Factory.StartNew(() =>
            {
                foreach (var item in work.GetConsumingEnumerable(CancellationToken.None))
                {
                    if (token.IsCancellationRequested)
                    {
                        item.Done.TrySetCanceled(token);
                        continue;
                    }
                    try
                    {
                        item.Done.TrySetResult(selector(item.Item, item.Index, token));
                    }
                    catch (OperationCanceledException oce)
                    {
                        item.Done.TrySetCanceled(oce.CancellationToken);
                    }
                    catch (Exception ex)
                    {
                        item.Done.TrySetException(ex);
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            while (await ordered.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (ordered.Reader.TryRead(out var pending))
                {
                    token.ThrowIfCancellationRequested();
                    yield return await pending.WaitAsync(token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            // Let the producer and the workers wind down; their items are cancelled, not lost.
            await Task.WhenAll([producer, .. pool]).ConfigureAwait(false);
        }
    }

    private readonly record struct WorkItem<TSource, TResult>(TSource Item, int Index, TaskCompletionSource<TResult> Done);
}
