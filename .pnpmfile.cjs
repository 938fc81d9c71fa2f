// pnpm hooks for the whole workspace.
module.exports = {
  hooks: {
    // What `pnpm pack` and `pnpm publish` (so `changeset publish`) write into each published package.json:
    // without devDependencies, which only build and test the package here and name workspace-only
    // packages (the private @wan25/test-utils) that no registry has.
    beforePacking(manifest) {
      delete manifest.devDependencies;
      return manifest;
    },
  },
};
