/**
 * The page's date fields (components/ui/date-field.tsx) as date pickers from its first frame on, before any of
 * its chunks have run.
 *
 * Chromium makes an `<input type="date">` costly to create in a fresh page: it builds the locale's date fields,
 * with the locale data they need, and its parser yields at the first such field. The dashboard's range fields come
 * before the chart, so the chart's first frame waited for them. Side by side (docs/performance.md, the fourteenth
 * pass), text fields there let the parser reach the chart's end in its first slice.
 *
 * So the server writes them as ISO text fields (`data-date-field`), which a reader without JavaScript fills in and
 * submits as they are. This script, in the head, turns each into a date field just after the first frame. It skips
 * one the reader is in, and one holding text a date field would drop. In the browser the DateField renders
 * `type="date"`, the type React writes again as it hydrates the field.
 */
export const DATE_FIELD_ATTRIBUTE = 'data-date-field'

export const DATE_FIELD_UPGRADE_SCRIPT = `(function(){var d=document;requestAnimationFrame(function(){setTimeout(function(){var f=d.querySelectorAll('input[${DATE_FIELD_ATTRIBUTE}]');for(var i=0;i<f.length;i++){var e=f[i];if(e.type!=='date'&&e!==d.activeElement&&(e.value===''||/^\\d{4}-\\d{2}-\\d{2}$/.test(e.value)))e.type='date'}},0)})})();`
