export const id = 589;
export const ids = [589];
export const modules = {

/***/ 27589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   processIo: () => (/* binding */ processIo)
/* harmony export */ });
function processIo(workerEntry) {
    return {
        ...(workerEntry && { workerEntry }),
        stdout: process.stdout,
        stderr: process.stderr,
        cwd: process.cwd(),
        env: process.env,
        isTTY: Boolean(process.stderr.isTTY),
        ...(workerEntry && { workerEntry }),
    };
}


/***/ })

};
