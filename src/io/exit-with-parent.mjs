// Loaded first (node --import) into every process a build starts: when the build is killed
// outright (kill -9 leaves it no moment to stop its children), its children notice that their
// parent is gone and stop too, instead of rendering on into folders nobody will publish.
// Plain JavaScript, so that it runs before any TypeScript loader.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
}, 200).unref();
