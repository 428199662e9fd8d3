// The pure core of the annual report: records → cells → problems → HTML, CSV, Excel and public JSON.
export * from './cells';
export * from './check';
export * from './money';
export * from './layout';
export * from './render-html';
export * from './render-csv';
export * from './render-xlsx';
export * from './public-json';
export * from './paragraphs';
