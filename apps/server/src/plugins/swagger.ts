import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

export default fp(async function swaggerPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shuren 熟人 API',
        version: '0.1.0',
        description: 'Community co-governance for the 创熟 method. Errors are application/problem+json; messages follow Accept-Language (zh-CN default, en).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shuren_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
});
