import { PEER_ADDRESS_HEADER, markPeerAddressStampForTests } from '@/lib/limits/peer-address'

/**
 * Headers of a request that reached the server from TCP peer `peer`, as the stamp installed by
 * instrumentation.ts writes them under `next start` (tests/unit/client-identity.test.ts checks the stamp
 * itself on a real socket). `extra` are the headers the client (or a proxy) sent.
 */
export function fromPeer(peer: string, extra: Record<string, string> = {}): Record<string, string> {
  markPeerAddressStampForTests(true)
  return { ...extra, [PEER_ADDRESS_HEADER]: peer }
}
