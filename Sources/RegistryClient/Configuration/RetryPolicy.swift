/// How often and how patiently to retry a request that failed before any answer arrived (connection refused,
/// reset or timed out) or that a gateway answered with 502/503/504. Answers from the registry itself, errors
/// included, are never retried: they are the registry's decision.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first included; at least 1.
    public var maxAttempts: Int
    /// Delay before the second attempt; doubled for each further one.
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(2)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// No retries: one attempt per request.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The pause before attempt `attempt` (2 for the first retry).
    func backoff(beforeAttempt attempt: Int) -> Duration {
        var delay = initialBackoff
        var step = 2
        while step < attempt && delay < maxBackoff {
            delay = delay * 2
            step += 1
        }
        return min(delay, maxBackoff)
    }
}
