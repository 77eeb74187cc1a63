import Logging
import NIOCore
import NIOHTTP1
import RegistryCore

/// Answers `GET /schemas/ids/{id}` on the connection's event loop, before the request reaches Hummingbird.
///
/// Serializers fetch schemas by id more than anything else, and the answer is a read of the in-memory index.
/// Going through the async responder costs a task hop, a `Request`, per-request logger metadata and an async
/// writer each time: several times the read itself. This handler answers the plain form of that request
/// (HTTP/1.1, no query string, no `Connection` header, a stored id, an acceptable `Accept`) with the same status,
/// headers, body, metrics and log line as the responder, and passes everything else through untouched; a miss,
/// an error or an unusual request goes the usual way, so those answers have one source.
///
/// It sits directly after the HTTP/1 decoder (see `FastPathInstaller`), so that answered requests also skip
/// the translation into and out of swift-http-types. Responses must leave in request order: a request is only
/// answered here when no earlier request of the connection is still with the responder.
final class SchemaByIDFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the handlers of all connections share.
    struct Shared: Sendable {
        let reads: any SynchronousSchemaReads
        let metrics: RequestMetrics
        let date: HTTPDate
        let bodies: RenderedSchemas
        let logger: Logger
    }

    /// A request taken here: its answer, sent once the request's end arrives.
    private struct Answer {
        var mediaType: RegistryMediaType
        var body: ByteBuffer
        var start: ContinuousClock.Instant
        var path: String
    }

    private let shared: Shared
    /// Requests passed on to the responder whose response has not been written completely yet.
    private var passedOn = 0
    private var answering: Answer?
    private var needsFlush = false

    init(shared: Shared) {
        self.shared = shared
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if passedOn == 0, let answer = answer(for: head, allocator: context.channel.allocator) {
                answering = answer
                return
            }
            passedOn += 1
            context.fireChannelRead(data)
        case .body:
            // A body on a GET is ignored, as the responder ignores it.
            if answering == nil { context.fireChannelRead(data) }
        case .end:
            guard let answer = answering else {
                context.fireChannelRead(data)
                return
            }
            answering = nil
            respond(answer, context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            passedOn -= 1
        }
        context.write(data, promise: promise)
    }

    /// The answer when this request is the plain fetch of a stored schema; `nil` passes it on.
    private func answer(for head: HTTPRequestHead, allocator: ByteBufferAllocator) -> Answer? {
        guard head.method == .GET, head.version == .http1_1, let id = Self.schemaID(inPath: head.uri) else { return nil }
        // The responder closes after answering `Connection: close`; leave that bookkeeping to it.
        guard !head.headers.contains(name: "connection") else { return nil }
        guard let mediaType = MediaNegotiation.responseType(forAccept: head.headers.first(name: "accept")) else {
            return nil
        }
        let start = ContinuousClock.now
        guard let schema = try? shared.reads.schemaSynchronously(id: id) else { return nil }
        let body = shared.bodies.body(for: schema, allocator: allocator)
        return Answer(mediaType: mediaType, body: body, start: start, path: head.uri)
    }

    private func respond(_ answer: Answer, context: ChannelHandlerContext) {
        let headers = HTTPHeaders([
            ("Content-Type", answer.mediaType.headerValue),
            ("Content-Length", String(answer.body.readableBytes)),
            ("Date", shared.date.now),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(answer.body))), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true

        let elapsed = ContinuousClock.now - answer.start
        let nanoseconds = elapsed.components.seconds &* 1_000_000_000 &+ elapsed.components.attoseconds / 1_000_000_000
        shared.metrics.record(route: .schemaByID, method: .get, status: 200, nanoseconds: nanoseconds)
        if shared.logger.logLevel <= .debug {
            shared.logger.debug(
                "request",
                metadata: [
                    "method": "GET", "path": "\(answer.path)", "route": "\(Route.schemaByID.template)",
                    "status": "200", "duration_us": "\(nanoseconds / 1000)",
                ]
            )
        }
    }

    /// The id in exactly `/schemas/ids/{digits}`: no query, no trailing slash, no leading zero, at most nine
    /// digits. Anything else, including forms the router would also accept, is left to the router.
    static func schemaID(inPath path: String) -> Int? {
        var utf8 = path.utf8[...]
        guard utf8.starts(with: prefix) else { return nil }
        utf8 = utf8.dropFirst(prefix.count)
        guard let first = utf8.first, first != UInt8(ascii: "0"), utf8.count <= 9 else { return nil }
        var id = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            id = id * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return id
    }

    private static let prefix = Array("/schemas/ids/".utf8)
}
