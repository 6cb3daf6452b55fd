// the API path of a test server's only consultation, so client tests use the scoped routes, not the deprecated ones.
import { consultationBase } from '../../src/persistence/httpRepository.ts';
import type { TestServer } from '../support/serverHarness.ts';

export async function defaultBase(server: Pick<TestServer, 'app'>): Promise<string> {
  const listed = (await server.app.inject({ url: '/api/consultations' })).json() as { consultations: { slug: string }[] };
  const first = listed.consultations[0];
  if (!first) throw new Error('the test server has no consultation');
  return consultationBase(first.slug);
}
