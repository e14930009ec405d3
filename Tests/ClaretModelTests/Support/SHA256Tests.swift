import ClaretModel
import Testing

@Suite("SHA256 matches the FIPS 180-4 test vectors")
struct SHA256Tests {
    @Test(
        "the FIPS example messages hash to their published digests",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func fipsVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(message) == digest)
    }

    @Test("one million 'a' hash to the published digest")
    func millionA() {
        let digest = SHA256.digest(repeatElement(UInt8(ascii: "a"), count: 1_000_000))
        #expect(SHA256.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("messages around the padding boundary hash correctly", arguments: [55, 56, 63, 64, 65])
    func paddingBoundaries(length: Int) {
        // Digests from a reference implementation (coreutils sha256sum) of `length` bytes of "a".
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
        ]
        #expect(SHA256.hexDigest(String(repeating: "a", count: length)) == expected[length])
    }

    @Test("a digest is 32 bytes")
    func digestLength() {
        #expect(SHA256.digest(Array("token".utf8)).count == 32)
    }

    @Test("hex writes two lowercase digits per byte")
    func hex() {
        #expect(SHA256.hex([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(SHA256.hex([]) == "")
    }

    @Test("constant-time comparison tells equal from unequal bytes")
    func constantTimeEquals() {
        #expect(SHA256.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!SHA256.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!SHA256.constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(SHA256.constantTimeEquals([], []))
    }
}
