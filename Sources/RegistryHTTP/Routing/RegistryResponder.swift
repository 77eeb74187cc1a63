import Hummingbird
import Logging
import RegistryCore

/// The server's single responder: route, negotiate, read the body, call the endpoint, and turn every outcome
/// (including failures) into a Confluent-shaped response that is counted and logged.
struct RegistryResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let endpoints: RegistryEndpoints
    let maxBodyBytes: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let match = RouteMatcher.match(path: request.uri.path)
        var request = request
        var mediaType = RegistryMediaType.schemaRegistryV1
        var response: Response
        do {
            response = try await handle(match, request: &request, mediaType: &mediaType)
        } catch let error as APIError {
            response = Self.errorResponse(error, mediaType: mediaType)
        } catch let error as RegistryError {
            if error.httpStatus >= 500 {
                context.logger.error("registry failure", metadata: ["route": "\(match.route.template)", "error": "\(error.message)"])
            }
            response = Self.errorResponse(APIError(error), mediaType: mediaType)
        } catch {
            // Never a bare 500 without the Confluent body, and never a crash: the detail goes to the log.
            context.logger.error("unexpected failure", metadata: ["route": "\(match.route.template)", "error": "\(error)"])
            response = Self.errorResponse(.internalError, mediaType: mediaType)
        }

        endpoints.metrics.finish(
            route: match.route, method: request.method, path: request.uri.path, status: response.status.code,
            since: start, logger: context.logger
        )
        return response
    }

    private func handle(
        _ match: RouteMatch,
        request: inout Request,
        mediaType: inout RegistryMediaType
    ) async throws -> Response {
        guard match.route != .unmatched else { throw APIError.notFound }
        guard match.route.allows(request.method) else { throw APIError.methodNotAllowed }

        if match.route.isOperational {
            return try await endpoints.operational(match.route)
        }

        guard let negotiated = MediaNegotiation.responseType(forAccept: request.headers[.accept]) else {
            throw APIError.notAcceptable
        }
        mediaType = negotiated

        var body = ByteBuffer()
        if request.method == .post || request.method == .put {
            guard MediaNegotiation.isAcceptableContentType(request.headers[.contentType]) else {
                throw APIError.unsupportedMediaType
            }
            body = try await collectBody(of: request)
        }

        let input = EndpointInput(match: match, method: request.method, query: QueryOptions(request), body: body)
        let reply = try await endpoints.respond(to: input)
        return Response(
            status: .ok,
            headers: [.contentType: negotiated.headerValue],
            body: ResponseBody(byteBuffer: ByteBuffer(string: reply))
        )
    }

    /// Reads the body up to the limit; a declared or actual size above it is a 413, decided before parsing.
    private func collectBody(of request: Request) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
            await Self.discard(request.body, upTo: Self.drainAllowance)
            throw APIError.bodyTooLarge(limit: maxBodyBytes)
        }
        var collected = ByteBuffer()
        var iterator = request.body.makeAsyncIterator()
        while var chunk = try await iterator.next() {
            guard collected.readableBytes + chunk.readableBytes <= maxBodyBytes else {
                await Self.discard(iterator, upTo: Self.drainAllowance)
                throw APIError.bodyTooLarge(limit: maxBodyBytes)
            }
            collected.writeBuffer(&chunk)
        }
        return collected
    }

    /// How much of an oversized body is read and dropped so the client, still sending, receives the 413 rather
    /// than a connection reset; past this the connection is simply closed.
    static let drainAllowance = 1 << 20

    private static func discard(_ body: RequestBody, upTo limit: Int) async {
        await discard(body.makeAsyncIterator(), upTo: limit)
    }

    private static func discard(_ iterator: RequestBody.AsyncIterator, upTo limit: Int) async {
        var iterator = iterator
        var dropped = 0
        while dropped <= limit, let chunk = try? await iterator.next() {
            dropped += chunk.readableBytes
        }
    }

    static func errorResponse(_ error: APIError, mediaType: RegistryMediaType) -> Response {
        Response(
            status: error.status,
            headers: [.contentType: mediaType.headerValue],
            body: ResponseBody(byteBuffer: ByteBuffer(string: ResponseShapes.error(code: error.errorCode, message: error.message)))
        )
    }
}

/// What an endpoint needs from the request, after routing, negotiation and body collection.
struct EndpointInput: Sendable {
    var match: RouteMatch
    var method: HTTPRequest.Method
    var query: QueryOptions
    var body: ByteBuffer

    var subject: String { match.subject }
}
