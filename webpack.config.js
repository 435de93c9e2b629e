/* eslint-disable */
// Builds the task pane. `npm run build`: production dist/ whose manifest points at the public URL
// (GOVCHECK_PUBLIC_URL, or package.json "config.publicUrl"). `npm run dev-server`: HTTPS on
// https://localhost:3000 with office-addin-dev-certs (fetched only for the dev server).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";

function publicUrl() {
  const url = process.env.GOVCHECK_PUBLIC_URL || (pkg.config && pkg.config.publicUrl);
  if (!url || !/^https:\/\//.test(url)) {
    throw new Error("Set GOVCHECK_PUBLIC_URL (or package.json config.publicUrl) to the HTTPS address the add-in is served from.");
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every development address (pages, icons, app domain) moved to the public URL. */
function forProduction(manifest) {
  const url = publicUrl();
  return manifest.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin);
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : forProduction(content.toString())),
          },
        ],
      }),
    ],
  };
  if (serving) {
    // Only here: office-addin-dev-certs installs a local CA (with sudo on Linux).
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
    };
  }
  return config;
};
