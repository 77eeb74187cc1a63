import NIOCore
import NIOHTTPTypesHTTP1

/// Puts `FastPathHandler` in front of the HTTP/1 to swift-http-types translation, then removes itself.
///
/// Hummingbird adds custom handlers after that translation; the fast path wants the decoder's own request
/// parts, so this placeholder moves it one step earlier when the connection's pipeline is built.
final class FastPathInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let answers: FastAnswers

    init(answers: FastAnswers) {
        self.answers = answers
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? pipeline.addHandler(FastPathHandler(answers: answers), position: .before(codec))
        }
        pipeline.removeHandler(context: context, promise: nil)
    }
}
