// A published annual report read from its published text (import/): the organization's report of a year that was not
// computed here. Written only by the plugin's import service (register-imports.ts refuses every other write); a
// re-import replaces it. The continuity check reads it as last year's report when no computed report was published.
export default {
  kind: 'collectionType',
  collectionName: 'disclosure_historical_reports',
  info: {
    singularName: 'historical-report',
    pluralName: 'historical-reports',
    displayName: '历史年报（导入） Imported annual report',
    description:
      'A published annual report imported from its text (source: imported), with its original file, who imported it and when. Its figures change only by re-import.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    title: { type: 'string', maxLength: 300 },
    organization: { type: 'relation', relation: 'manyToOne', target: 'api::organization.organization' },
    year: { type: 'integer', required: true, min: 2008, max: 2100 },
    /** Where the figures come from: `imported` from a published text (a computed report lives in annual-reports). */
    source: { type: 'enumeration', enum: ['imported'], default: 'imported', required: true },
    formatVersion: { type: 'enumeration', enum: ['gov-2021', 'gov-2019'], required: true },
    /** The cells as read: `{ [cellId]: { value, raw, place, how } }` (value null = printed blank). */
    cells: { type: 'json' },
    /** Sections 一, 五, 六 as read, with their places. */
    sections: { type: 'json' },
    /** The audit at import time (problems naming cells and places). */
    problems: { type: 'json' },
    /** The text read from the file (width-normalized); every place refers to it. */
    text: { type: 'text' },
    sourceForm: { type: 'enumeration', enum: ['text', 'html', 'docx', 'pdf'] },
    /** The original file (media library); pasted text is kept as a .txt file. */
    file: { type: 'media', multiple: false, allowedTypes: ['files'] },
    importedBy: { type: 'string', maxLength: 200 },
    importedById: { type: 'string', maxLength: 64, private: true },
    importedAt: { type: 'datetime' },
  },
};
