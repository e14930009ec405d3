import Foundation

/// A parsed listening address: an IPv4 or IPv6 socket address built from the configured host and port.
struct ListenAddress {
    private enum Storage {
        case v4(sockaddr_in)
        case v6(sockaddr_in6)
    }

    private let storage: Storage
    private let hostText: String
    private let port: UInt16

    /// Parses `host`; `nil` unless it is `localhost` or an IP literal (IPv6 optionally in brackets).
    init?(host: String, port: UInt16) {
        self.port = port
        let literal = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            storage = .v4(v4)
            hostText = literal
            return
        }
        var unbracketed = Substring(literal)
        if unbracketed.hasPrefix("["), unbracketed.hasSuffix("]") { unbracketed = unbracketed.dropFirst().dropLast() }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, String(unbracketed), &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            storage = .v6(v6)
            hostText = "[\(unbracketed)]"
            return
        }
        return nil
    }

    /// Whether this is an IPv6 address (MHD must then be told with `MHD_USE_IPv6`).
    var isIPv6: Bool {
        if case .v6 = storage { return true }
        return false
    }

    /// `host:port` as an operator would type it (`[::1]:8080` for IPv6).
    func description(port: UInt16? = nil) -> String { "\(hostText):\(port ?? self.port)" }

    /// Calls `body` with a pointer to the socket address, valid only during the call.
    func withSockaddr<Result>(_ body: (UnsafeMutablePointer<sockaddr>) -> Result) -> Result {
        switch storage {
        case .v4(var address):
            return withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
            }
        case .v6(var address):
            return withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
            }
        }
    }

    /// The numeric IP text of a peer address, or `nil` for a family other than IPv4/IPv6.
    static func numericHost(of address: UnsafePointer<sockaddr>) -> String? {
        let length: Int
        switch Int32(address.pointee.sa_family) {
        case AF_INET: length = MemoryLayout<sockaddr_in>.size
        case AF_INET6: length = MemoryLayout<sockaddr_in6>.size
        default: return nil
        }
        var text = [CChar](repeating: 0, count: 64)
        let status = getnameinfo(
            address, socklen_t(length), &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST)
        guard status == 0 else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
