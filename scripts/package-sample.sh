#!/usr/bin/env bash
# The main job, from a fresh clone: package the sample app.
#   1. installs what is missing (clang + zlib for Native AOT, the aws-cdk CLI from npm);
#   2. prints the route table of samples/Hello;
#   3. builds one Native AOT bootstrap + zip per route and the manifest (incremental: a second run rebuilds nothing);
#   4. synthesizes the CloudFormation template with the CDK (cdk.out/LambdaRoutesHello.template.json).
# Usage: bash scripts/package-sample.sh [appDir]   (default samples/Hello)
set -euo pipefail
cd "$(dirname "$0")/.."
app="${1:-samples/Hello}"
# jsii's node check prints an end-of-life banner on Node 20 (docs/deploy.md); the deprecation variable no longer hides it.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

bash scripts/setup.sh

packager=(dotnet run --project src/Packager/LambdaRoutes.Packager.csproj -c Release --)
echo "== routes: $app"
"${packager[@]}" routes "$app"
echo "== build: $app (Native AOT, one bootstrap per route)"
"${packager[@]}" build "$app"
echo "== cdk synth"
npx cdk synth --quiet -c "lambdaRoutes:app=$app"
template=$(ls -t cdk.out/*.template.json | head -n 1)
functions=$(grep -c '"AWS::Lambda::Function"' "$template" || true)
echo "== done: $template ($functions Lambda functions); artifacts in $app/.lambda-routes/out"
