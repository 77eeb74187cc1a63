import Hummingbird
import RegistryCore

/// Server metadata, `/health` and `/metrics`.
extension RegistryEndpoints {
    func metadataID() -> String {
        var out = JSONOutput()
        out.beginObject()
        out.key("scope")
        out.beginObject()
        out.key("path")
        out.beginArray()
        out.endArray()
        out.key("clusters")
        out.beginObject()
        out.field("kafka-cluster", configuration.clusterID)
        out.field("schema-registry-cluster", configuration.clusterID)
        out.endObject()
        out.endObject()
        out.endObject()
        return out.text
    }

    func metadataVersion() -> String {
        var out = JSONOutput()
        out.beginObject()
        out.field("version", configuration.serverVersion)
        out.field("commitId", configuration.commitID)
        out.endObject()
        return out.text
    }

    /// Operational endpoints answer in their own media types, whatever `Accept` says (Prometheus asks for
    /// OpenMetrics; the text format is what it falls back to).
    func operational(_ route: Route) async throws -> Response {
        switch route {
        case .health:
            let report = await health()
            var out = JSONOutput()
            out.beginObject()
            out.field("status", report.isHealthy ? "UP" : "DOWN")
            out.field("store", report.store)
            out.endObject()
            return Response(
                status: report.isHealthy ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: out.text))
            )
        default:
            // Counts are refreshed per scrape rather than per write, so writes pay nothing for them.
            if let statistics = try? await RegistryStatistics.counting(service) {
                metrics.updateCounts(statistics)
            }
            let bytes = metrics.exposition()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
    }
}
