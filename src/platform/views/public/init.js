import { initAll } from '/javascripts/govuk-frontend.min.js';
import { initUploadProgress } from '/public/upload-progress.js';

initAll();
initUploadProgress();
