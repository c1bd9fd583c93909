import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { HouseholdImportResult, IMPORT_MAX_FILE_BYTES, ImportQuery, RosterImportResult } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { responses } from '../../shared/route-schema.js';
import { requireScopes } from '../../shared/scope.js';
import { importHouseholds } from './households.import.js';
import { importRoster } from './roster.import.js';
import { buildTemplate, TEMPLATES } from './templates.js';
import { readUploadedWorkbook } from './upload.js';

const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = Type.String({ format: 'binary', description: 'xlsx workbook' });

function sendXlsx(reply: FastifyReply, fileName: string, buf: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buf);
}

const uploadNote =
  'multipart/form-data with one .xlsx file (field `file`, at most 5 MB and 5000 rows). Every row is checked first; if any is wrong nothing is imported and the answer is 422 with `errors[].field` = `row:<Excel row>/<column>`.';

export async function importRoutes(app: FastifyInstance) {
  // Multipart only for these routes: the rest of the API keeps refusing anything but JSON.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
    const api = scoped.withTypeProvider<TypeBoxTypeProvider>();

    api.post(
      '/imports/roster',
      {
        schema: { tags, summary: 'Import a 楼长/巷长/街长 roster from Excel (dry-run by default)', description: uploadNote, consumes: ['multipart/form-data'], querystring: ImportQuery, response: responses({ 200: RosterImportResult, 201: RosterImportResult }) },
      },
      async (request, reply) => {
        requireScopes(actorOf(request), 'assignment.manage');
        const { workbook, fileName } = await readUploadedWorkbook(request);
        const dryRun = request.query.dryRun ?? true;
        const result = await importRoster(app.db, contextOf(request), workbook, fileName, dryRun);
        return reply.status(dryRun ? 200 : 201).send(result);
      },
    );

    api.post(
      '/imports/households',
      {
        schema: { tags, summary: 'Import households from Excel (dry-run by default)', description: uploadNote, consumes: ['multipart/form-data'], querystring: ImportQuery, response: responses({ 200: HouseholdImportResult, 201: HouseholdImportResult }) },
      },
      async (request, reply) => {
        requireScopes(actorOf(request), 'household.manage');
        const { workbook, fileName } = await readUploadedWorkbook(request);
        const dryRun = request.query.dryRun ?? true;
        const result = await importHouseholds(app.db, contextOf(request), workbook, fileName, dryRun);
        return reply.status(dryRun ? 200 : 201).send(result);
      },
    );
  });

  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/imports/roster/template.xlsx',
    { schema: { tags, summary: 'Blank roster template (header row and one example row)', produces: [XLSX], response: responses({ 200: binary }) } },
    async (request, reply) => {
      requireScopes(actorOf(request), 'assignment.manage');
      return sendXlsx(reply, '三长名册导入模板.xlsx', await buildTemplate(TEMPLATES.roster));
    },
  );
  api.get(
    '/imports/households/template.xlsx',
    { schema: { tags, summary: 'Blank household template (header row and one example row)', produces: [XLSX], response: responses({ 200: binary }) } },
    async (request, reply) => {
      requireScopes(actorOf(request), 'household.manage');
      return sendXlsx(reply, '住户台账导入模板.xlsx', await buildTemplate(TEMPLATES.households));
    },
  );
}
