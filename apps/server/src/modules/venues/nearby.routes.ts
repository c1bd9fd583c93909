import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Nearby, idsOnPath } from '@shuren/core';
import { actorOf } from '../../shared/context.js';
import { responses } from '../../shared/route-schema.js';
import { presentNearbyOrg, presentVenueDetail } from './venues.presenter.js';
import * as repo from './venues.repository.js';

/** A community has a handful of venues and a few dozen organisations; the cap only guards the response size. */
const NEARBY_LIMIT = 200;

/**
 * GET /me/nearby: for every signed-in person, including residents who hold no venue or organisation grant.
 * Scoped by the caller's own home (never by a parameter): the community is the second node on the home path,
 * and the subdistrict's own venues (the service centre) are added. Organisations come without member data.
 */
export async function nearbyRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/me/nearby', { schema: { tags: ['venues', 'me'], summary: 'Venues and organisations of my community, and the subdistrict service centre', response: responses({ 200: Nearby }) } }, async (request) => {
    const actor = actorOf(request);
    const [rootId, communityId] = idsOnPath(actor.homePath ?? '');
    if (!rootId) return { community: null, venues: [], organisations: [] };
    const subdistrictPath = `/${rootId}/`;
    const community = communityId ? await repo.findRegion(app.db, communityId) : undefined;
    const communityPath = community ? community.path : null;
    const venues = await repo.listNearbyVenues(app.db, subdistrictPath, communityPath, NEARBY_LIMIT);
    const rooms = await repo.listRooms(app.db, venues.map((v) => v.id));
    const orgs = communityPath ? await repo.listNearbyOrganisations(app.db, communityPath, NEARBY_LIMIT) : [];
    const now = app.clock.now();
    return {
      community: community ? { id: community.id, name: community.name } : null,
      venues: venues.map((v) => presentVenueDetail(v, rooms, actor, now)),
      organisations: orgs.map(presentNearbyOrg),
    };
  });
}
