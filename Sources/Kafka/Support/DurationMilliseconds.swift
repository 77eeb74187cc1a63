extension Duration {
    /// Whole milliseconds clamped to `0...Int32.max`, the range librdkafka's `timeout_ms` arguments accept.
    var clampedMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) {
            return 0
        }
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        if millis.overflow {
            return Int32.max
        }
        let total = millis.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        if total.overflow || total.partialValue > Int64(Int32.max) {
            return Int32.max
        }
        return Int32(total.partialValue)
    }
}
