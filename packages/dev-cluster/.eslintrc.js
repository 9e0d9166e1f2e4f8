// The dev cluster is a local tool that always runs from its source folder (it
// is never bundled), so locating its Go module and CRDs through __dirname is right.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-restricted-syntax': 'off',
    'no-console': 'off',
  },
});
