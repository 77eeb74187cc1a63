import NIOCore
import NIOHTTP1

/// Answers the two hottest requests (see `FastRoute`) on the connection's event loop, before Hummingbird.
///
/// Serializers fetch schemas by id and look up their schema's id more than anything else, and both answers are
/// reads of the in-memory index. Through the async responder each costs a task hop, a `Request`, per-request
/// logger metadata and an async writer: several times the read itself. This handler answers them with the same
/// status, headers, body, metrics and log line as the responder, and hands everything else over untouched; a
/// request it held but cannot answer with a success is replayed to the responder as it arrived.
///
/// It sits directly after the HTTP/1 decoder (see `FastPathInstaller`), so answered requests also skip the
/// translation into swift-http-types. Responses must leave in request order: a request is only held here when
/// no earlier request of the connection is still with the responder.
final class FastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        /// A request this handler may answer, read so far.
        case holding(Held)
        /// The current request belongs to the responder.
        case handingOver
    }

    private struct Held {
        var route: FastRoute
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var mediaType: RegistryMediaType
        var start: ContinuousClock.Instant
    }

    private let answers: FastAnswers
    private var state = State.idle
    /// Requests handed to the responder whose response has not been written completely yet.
    private var handedOver = 0
    private var needsFlush = false

    init(answers: FastAnswers) {
        self.answers = answers
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.idle, .head(let head)):
            if handedOver == 0, let route = FastRoute(head), declaredLength(head) <= answers.maxBodyBytes,
               let mediaType = MediaNegotiation.responseType(forAccept: head.headers.first(name: "accept")) {
                state = .holding(Held(route: route, head: head, body: nil, mediaType: mediaType, start: .now))
            } else {
                handOver(data, context: context)
            }
        case (.holding(var held), .body(var chunk)):
            let size = (held.body?.readableBytes ?? 0) + chunk.readableBytes
            guard size <= answers.maxBodyBytes else {
                // The responder owns the 413, including draining what is still coming.
                replay(held, context: context)
                context.fireChannelRead(data)
                return
            }
            if held.body == nil {
                held.body = chunk
            } else {
                held.body?.writeBuffer(&chunk)
            }
            state = .holding(held)
        case (.holding(let held), .end):
            state = .idle
            let body = held.body ?? ByteBuffer()
            if let answer = answers.answer(held.route, body: body, allocator: context.channel.allocator) {
                respond(answer, to: held, context: context)
            } else {
                replay(held, context: context)
                context.fireChannelRead(data)
                state = .idle
            }
        case (.handingOver, .end):
            state = .idle
            context.fireChannelRead(data)
        default:
            // A body of a handed-over request, or parts after a head the decoder reported out of order: the
            // responder decides.
            context.fireChannelRead(data)
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
            handedOver -= 1
        }
        context.write(data, promise: promise)
    }

    private func declaredLength(_ head: HTTPRequestHead) -> Int {
        head.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
    }

    private func handOver(_ head: NIOAny, context: ChannelHandlerContext) {
        handedOver += 1
        state = .handingOver
        context.fireChannelRead(head)
    }

    /// Gives a held request to the responder as it arrived (its end, if read, is passed by the caller).
    private func replay(_ held: Held, context: ChannelHandlerContext) {
        handOver(wrapInboundOut(.head(held.head)), context: context)
        if let body = held.body {
            context.fireChannelRead(wrapInboundOut(.body(body)))
        }
    }

    private func respond(_ answer: ByteBuffer, to held: Held, context: ChannelHandlerContext) {
        let headers = HTTPHeaders([
            ("Content-Type", held.mediaType.headerValue),
            ("Content-Length", String(answer.readableBytes)),
            ("Date", answers.date.now),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(answer))), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
        answers.metrics.finish(
            route: held.route.route, method: held.route.method, path: held.head.uri, status: 200,
            since: held.start, logger: answers.logger
        )
    }
}
