// Progressive enhancement of upload forms (data-hub-upload): the file is sent with XMLHttpRequest so
// the page can show how much has gone, then that the rows are being checked. Without JavaScript the
// form posts as usual. The server's answer replaces the page, as a normal post would.
export function initUploadProgress() {
  for (const form of document.querySelectorAll('form[data-hub-upload]')) {
    const panel = form.querySelector('.hub-upload-progress');
    if (!panel) continue;
    const bar = panel.querySelector('progress');
    const status = panel.querySelector('[role="status"]');
    form.addEventListener('submit', (event) => {
      const file = form.querySelector('input[type="file"]');
      if (!file?.files || file.files.length === 0) return;
      event.preventDefault();
      const button = form.querySelector('button');
      if (button) button.disabled = true;
      panel.hidden = false;
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable) return;
        const percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        status.textContent = `Uploading: ${percent}%`;
      });
      request.upload.addEventListener('load', () => {
        bar.removeAttribute('value');
        status.textContent = 'Uploaded. Checking and saving the rows: this can take a few seconds.';
      });
      request.addEventListener('load', () => {
        if (request.responseURL && request.responseURL !== form.action) {
          window.location.assign(request.responseURL);
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', () => {
        status.textContent = 'The upload failed. Check your connection and try again.';
        if (button) button.disabled = false;
      });
      request.send(new FormData(form));
    });
  }
}
