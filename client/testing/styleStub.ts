/** Stylesheets are nothing in unit tests (jest maps every .css import here). */
export {};
