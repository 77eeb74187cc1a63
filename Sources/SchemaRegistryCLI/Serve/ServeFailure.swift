#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum ServeFailure {
    /// NIO reports a busy port as an errno inside a long description; say it plainly.
    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("errno: \(EADDRINUSE)") {
            return "the address is already in use (another process is listening on it)"
        }
        if text.contains("Cannot assign requested address") || text.contains("errno: \(EADDRNOTAVAIL)") {
            return "no local interface has that address"
        }
        return text
    }
}
