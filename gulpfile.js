const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

/** Node and credential icons into dist/, keeping their folders; one stream, so gulp waits for all of them. */
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}
